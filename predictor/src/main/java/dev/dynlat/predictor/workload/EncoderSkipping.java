package dev.dynlat.predictor.workload;

/**
 * What an encoder block skips, as {@link TransformerParts} lowers it: the fraction of tokens kept,
 * of heads kept, and the probability that a block's attention and MLP parts run (all unitless, in
 * [0, 1]). A kind of skipping that is off costs no policy network. Declared here, below the
 * dynamic paradigms that implement it, so that lowering an encoder needs nothing from them.
 */
public interface EncoderSkipping {
    boolean tokenSkip();

    boolean headSkip();

    boolean layerSkip();

    /** Kept fraction of tokens; 1 when token skipping is off. */
    double token();

    /** Kept fraction of heads; 1 when head skipping is off. */
    double head();

    /** Run probability of the attention and MLP parts; 1 when layer skipping is off. */
    double layer();
}
