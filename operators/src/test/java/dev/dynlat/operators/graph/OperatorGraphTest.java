package dev.dynlat.operators.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorGraphTest {
    private static final Conv2dSpec CONV = Conv2dSpec.dense(8, 8, 4, 4, 3, 1, 1);
    private static final ElementwiseSpec ADD = new ElementwiseSpec(8, 4, 4);

    @Test
    void reservedTensorsLetANodeBeListedBeforeItsProducer() {
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        int shortcut = g.reserve();
        int conv = g.add("conv", BlockRole.CONV, CONV, 0.5, g.input());
        int out = g.add("add", BlockRole.RESIDUAL_ADD, ADD, 0.5, conv, shortcut);
        g.addTo(shortcut, "projection", BlockRole.PROJECTION, CONV, 1, g.input());
        OperatorGraph graph = g.build(out);
        assertEquals(List.of("conv", "add", "projection"), graph.nodes().stream().map(GraphNode::name).toList());
        assertEquals(List.of(conv, shortcut), graph.single(BlockRole.RESIDUAL_ADD).inputs());
        assertEquals("projection", graph.producer(shortcut).name());
        assertNull(graph.producer(graph.input()));
        assertNull(graph.single(BlockRole.GATHER));
        assertEquals(0.5, graph.single(BlockRole.CONV).probability());
    }

    @Test
    void aTensorNothingWritesIsRefused() {
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        int dangling = g.reserve();
        int out = g.add("add", BlockRole.RESIDUAL_ADD, ADD, 1, g.input(), dangling);
        var e = assertThrows(IllegalArgumentException.class, () -> g.build(out));
        assertTrue(e.getMessage().contains("add reads tensor " + dangling), e.getMessage());
    }

    @Test
    void aTensorWrittenTwiceIsRefused() {
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        int t = g.add("conv", BlockRole.CONV, CONV, 1, g.input());
        g.addTo(t, "again", BlockRole.CONV, CONV, 1, g.input());
        assertThrows(IllegalArgumentException.class, () -> g.build(t));
    }

    @Test
    void latestOutputOfMatchesSuffixedNamesAndFallsBackToTheInput() {
        OperatorGraph.Builder g = new OperatorGraph.Builder();
        int a = g.add("norm (kept)", BlockRole.POINTWISE, ADD, 1, g.input());
        assertEquals(a, g.latestOutputOf("norm"));
        assertEquals(g.input(), g.latestOutputOf("nor"));
    }
}
