package dev.dynlat.reports.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One output path, checked before any work starts and resolved to how it will be written.
 *
 * <ul>
 *   <li>{@link Kind#FILE}: a new or existing regular file, replaced by renaming a temporary file
 *       written beside it (readers never see a partial file; a failure leaves the old content).</li>
 *   <li>{@link Kind#STREAM}: an existing FIFO or character device, written in place (renaming over
 *       it would replace the device with a regular file).</li>
 *   <li>{@link Kind#STDOUT}: {@code -}, {@code /dev/stdout}, {@code /dev/fd/1} or
 *       {@code /proc/self/fd/1}: the caller's standard output.</li>
 * </ul>
 *
 * A symbolic link is followed (chains included) and the rules apply to what it points at, so the
 * link stays a link and its target gets the content. Refused, with a one-line
 * {@link OutputPathException} naming the option and the path: a directory, a path under
 * {@code /proc} or {@code /sys}, a block device or socket, a file without write permission (checked
 * on the permission bits too, since root passes every access check), a missing or read-only parent
 * directory, a file name longer than {@value #MAX_NAME_BYTES} bytes, and a symlink loop.
 */
public final class OutputTarget {
    /** How the content reaches the path. */
    public enum Kind { FILE, STREAM, STDOUT }

    /** Longest file name most Linux file systems accept, in bytes of UTF-8. */
    public static final int MAX_NAME_BYTES = 255;
    private static final int MAX_LINK_HOPS = 40;
    private static final Set<String> STDOUT_NAMES = Set.of("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1");
    private static final Set<String> KERNEL_TREES = Set.of("/proc", "/sys");
    // File type bits of st_mode (sys/stat.h).
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;
    private static final int ANY_WRITE_BIT = 0222;

    private final String option;
    private final Path given;
    private final Path resolved;
    private final Kind kind;
    private final Set<PosixFilePermission> existingPermissions;

    private OutputTarget(String option, Path given, Path resolved, Kind kind,
                         Set<PosixFilePermission> existingPermissions) {
        this.option = option;
        this.given = given;
        this.resolved = resolved;
        this.kind = kind;
        this.existingPermissions = existingPermissions;
    }

    /**
     * Checks {@code path} as the value of {@code option} (e.g. {@code --out}).
     *
     * @throws OutputPathException when the path cannot be written as described above
     */
    public static OutputTarget of(String option, Path path) {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(path, "path");
        String text = path.toString();
        if (STDOUT_NAMES.contains(text) || STDOUT_NAMES.contains(path.toAbsolutePath().normalize().toString())) {
            return new OutputTarget(option, path, null, Kind.STDOUT, null);
        }
        try {
            return resolve(option, path);
        } catch (IOException e) {
            throw new OutputPathException(option, path, reason(e));
        }
    }

    private static OutputTarget resolve(String option, Path given) throws IOException {
        Path p = given.toAbsolutePath().normalize();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops >= MAX_LINK_HOPS) {
                throw new OutputPathException(option, given, "too many levels of symbolic links");
            }
            refuseKernelTree(option, given, p);
            p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
        }
        refuseKernelTree(option, given, p);
        Path name = p.getFileName();
        if (name == null) {
            throw new OutputPathException(option, given, "not a file path");
        }
        int nameBytes = name.toString().getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes > MAX_NAME_BYTES) {
            throw new OutputPathException(option, given, "the file name has " + nameBytes + " bytes; at most "
                    + MAX_NAME_BYTES + " are allowed");
        }
        Path parent = p.getParent();
        try {
            // Files.exists would call a path the system cannot even look up (a path over PATH_MAX,
            // say) missing; asking the file system gives its own reason.
            parent.getFileSystem().provider().checkAccess(parent);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new OutputPathException(option, given, "directory '" + parent + "' does not exist");
        } catch (java.nio.file.AccessDeniedException e) {
            // Exists but cannot be searched: the checks below give the precise reason.
        } catch (IOException e) {
            throw new OutputPathException(option, given, reason(e).toLowerCase(java.util.Locale.ROOT));
        }
        if (!Files.isDirectory(parent)) {
            throw new OutputPathException(option, given, "'" + parent + "' is not a directory");
        }
        // The real parent catches a symlinked directory leading into /proc or /sys.
        p = parent.toRealPath().resolve(name);
        refuseKernelTree(option, given, p);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            requireWritableDirectory(option, given, p.getParent());
            return new OutputTarget(option, given, p, Kind.FILE, null);
        }
        int mode = mode(p);
        int type = mode & S_IFMT;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputPathException(option, given, "it is a directory");
        }
        if (type == S_IFBLK) {
            throw new OutputPathException(option, given, "it is a block device");
        }
        if (type == S_IFSOCK) {
            throw new OutputPathException(option, given, "it is a socket");
        }
        if (!Files.isWritable(p) || (mode & ANY_WRITE_BIT) == 0) {
            throw new OutputPathException(option, given, "it is write-protected (no write permission)");
        }
        if (type == S_IFIFO || type == S_IFCHR) {
            return new OutputTarget(option, given, p, Kind.STREAM, null);
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputPathException(option, given, "not a regular file, FIFO or character device");
        }
        requireWritableDirectory(option, given, p.getParent());
        return new OutputTarget(option, given, p, Kind.FILE, permissions(p).orElse(null));
    }

    private static void requireWritableDirectory(String option, Path given, Path dir) {
        // Replacing a file means creating a temporary file beside it, so the directory must be
        // writable even when the file itself is.
        if (!Files.isWritable(dir)) {
            throw new OutputPathException(option, given, "directory '" + dir + "' is not writable");
        }
    }

    private static void refuseKernelTree(String option, Path given, Path p) {
        for (String tree : KERNEL_TREES) {
            if (p.startsWith(tree)) {
                throw new OutputPathException(option, given, "it is under " + tree
                        + ", a kernel interface, not a place for files");
            }
        }
    }

    private static int mode(Path p) throws IOException {
        try {
            return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view: a regular file counts as writable-by-owner, anything else as a stream.
            boolean regular = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            return (regular ? 0100000 : S_IFCHR) | (Files.isWritable(p) ? 0200 : 0);
        }
    }

    private static Optional<Set<PosixFilePermission>> permissions(Path p) {
        try {
            return Optional.of(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        String text = e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : m == null ? e.getClass().getSimpleName() : m;
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /** The option that named this output, e.g. {@code --out}. */
    public String option() {
        return option;
    }

    /** The path as the user gave it. */
    public Path path() {
        return given;
    }

    /** The absolute path written (symlinks followed); null for {@link Kind#STDOUT}. */
    public Path resolved() {
        return resolved;
    }

    public Kind kind() {
        return kind;
    }

    /** Permissions of the file being replaced, to carry over to its replacement; null for a new file. */
    Set<PosixFilePermission> existingPermissions() {
        return existingPermissions;
    }

    /** True when both targets end in the same place (the same file, device or standard output). */
    boolean sameDestination(OutputTarget other) {
        return kind == Kind.STDOUT ? other.kind == Kind.STDOUT : Objects.equals(resolved, other.resolved);
    }

    @Override
    public String toString() {
        return option + " " + given;
    }
}
