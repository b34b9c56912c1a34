package dev.dynlat.predictor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One kind of request {@code dynlat serve} answers ({@code predict}, {@code models}, ...). */
@FunctionalInterface
public interface Operation {
    /**
     * The result for a request's fields ({@code op} and {@code id} removed). Warnings that do not stop
     * the answer go to {@code warnings}.
     *
     * @throws IllegalArgumentException for an invalid request, naming the field and value
     */
    JsonNode answer(ObjectNode fields, List<String> warnings) throws Exception;
}
