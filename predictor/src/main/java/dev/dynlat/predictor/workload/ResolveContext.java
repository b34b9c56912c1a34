package dev.dynlat.predictor.workload;

/** What a node kind sees while it resolves one node: its id, name, and a problem sink. */
public interface ResolveContext {
    String id();

    /** The node's kind. */
    String kind();

    /** Display name: the file's {@code name}, or one derived from the id. */
    String displayName();

    /** Records a problem at this node (the message should name the field and the value). */
    void problem(String message);

    /** Whether dynamics may touch this block. */
    boolean dynamic();

    /** The input shape as a feature map, or null after recording a problem. */
    default Shape.FeatureMap map(Shape s, String what) {
        if (s instanceof Shape.FeatureMap m) {
            return m;
        }
        problem(what + " needs a feature map as input, got " + s.kindName() + " " + s.describe());
        return null;
    }
}
