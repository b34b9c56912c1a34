package dev.dynlat.predictor.importer;

/** An ONNX graph the importer cannot turn into a network; the message is one line naming the node. */
public final class ImportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }
}
