package io.github.formancecommunity.orchestration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.benchmarks.StartupComparison.Sample;
import io.github.formancecommunity.orchestration.benchmarks.StartupComparison.Side;

class StartupComparisonTest {

    private static final String LINE = "STARTUP contextMillis=412.5 uptimeMillis=980 heapBytes=12345678 beans=77 "
            + "client=true cpuMillis=1500 classes=5000 warmUpMillis=480.250 classesAfterWarmUp=9000 warm=true "
            + "firstCallMillis=35.500 springCloud=false cloudContext=false";

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(StartupComparison.median(new double[] {1, 2, 9})).isEqualTo(2);
        assertThat(StartupComparison.median(new double[] {1, 2, 4, 9})).isEqualTo(3);
    }

    @Test
    void pairingByRoundTakesTheMedianOfEachRoundsDifference() {
        // The baseline drifts from 400 to 1,200 ms over the rounds; the side is 0, 100 or 200 ms slower in its round.
        List<Sample> baseline = List.of(sample(400), sample(800), sample(1200));
        List<Sample> side = List.of(sample(600), sample(800), sample(1300));

        StartupComparison.Paired paired = StartupComparison.Paired.of(side, baseline);

        assertThat(paired.rounds()).isEqualTo(3);
        assertThat(paired.medianMillis()).isEqualTo(100);
        // population standard deviation of {0, 100, 200}: 81.65; times 1.2533, over the square root of 3
        assertThat(paired.standardErrorMillis()).isCloseTo(59.08, within(0.01));
    }

    @Test
    void pairingNeedsTheSameRoundsOnBothSides() {
        assertThatThrownBy(() -> StartupComparison.Paired.of(List.of(sample(1)), List.of(sample(1), sample(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot pair 1 runs with 2");
        assertThatThrownBy(() -> StartupComparison.Paired.of(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Sample sample(double contextMillis) {
        return new Sample(contextMillis, 0, 0, 0, true, 0, 0, 0, 0, true, 0, false, false);
    }

    @Test
    void parsesTheProbeLine() {
        assertThat(Sample.parse(LINE))
                .isEqualTo(new Sample(412.5, 980, 12345678, 77, true, 1500, 5000, 480.25, 9000, true, 35.5, false,
                        false));
    }

    @Test
    void parsesTheFieldsInAnyOrder() {
        String reordered = "STARTUP cloudContext=true springCloud=true firstCallMillis=-1.000 warm=false "
                + "classesAfterWarmUp=4010 warmUpMillis=0.000 classes=4000 cpuMillis=1400 client=false beans=50 "
                + "heapBytes=1000 uptimeMillis=900 contextMillis=400.0";

        assertThat(Sample.parse(reordered))
                .isEqualTo(new Sample(400.0, 900, 1000, 50, false, 1400, 4000, 0, 4010, false, -1, true, true));
    }

    @Test
    void aLineWithoutAFieldIsRejectedNamingIt() {
        assertThatThrownBy(() -> Sample.parse(LINE.replace(" warmUpMillis=480.250", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no warmUpMillis");
        assertThatThrownBy(() -> Sample.parse(LINE.replace("classes=5000", "classes=many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unreadable");
        assertThatThrownBy(() -> Sample.parse(LINE.replace(" springCloud=false", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no springCloud");
    }

    @Test
    void withoutTheSpringCloudClassPathsFourSidesRunEachOnTheirClassPath() {
        StartupComparison comparison = new StartupComparison("starter-cp", "baseline-cp", 3);

        assertThat(comparison.sides()).containsExactly(Side.BASELINE, Side.DEFAULT, Side.EAGER, Side.LAZY);
        assertThat(comparison.classpath(Side.BASELINE)).isEqualTo("baseline-cp");
        assertThat(comparison.classpath(Side.LAZY)).isEqualTo("starter-cp");
        assertThat(new StartupComparison("starter-cp", "baseline-cp", "cloud-baseline-cp", null, 3).sides())
                .as("one Spring Cloud class path alone is not enough").hasSize(4);
    }

    @Test
    void withTheSpringCloudClassPathsSixSidesRunEachOnTheirClassPath() {
        StartupComparison comparison = new StartupComparison("starter-cp", "baseline-cp", "cloud-baseline-cp",
                "cloud-cp", 3);

        assertThat(comparison.sides()).containsExactly(Side.BASELINE, Side.DEFAULT, Side.EAGER, Side.LAZY,
                Side.SPRING_CLOUD_BASELINE, Side.SPRING_CLOUD);
        assertThat(comparison.classpath(Side.DEFAULT)).isEqualTo("starter-cp");
        assertThat(comparison.classpath(Side.SPRING_CLOUD_BASELINE)).isEqualTo("cloud-baseline-cp");
        assertThat(comparison.classpath(Side.SPRING_CLOUD)).isEqualTo("cloud-cp");
    }

    @Test
    void eachSideTakesEachPlaceOnceInAsManyRoundsAsSides() {
        eachSideTakesEachPlaceOnce(List.of(Side.BASELINE, Side.DEFAULT, Side.EAGER, Side.LAZY));
        eachSideTakesEachPlaceOnce(List.of(Side.values()));
    }

    private static void eachSideTakesEachPlaceOnce(List<Side> sides) {
        List<List<Side>> rounds = new ArrayList<>();
        for (int round = 0; round < sides.size(); round++) {
            rounds.add(StartupComparison.order(sides, round));
        }

        for (List<Side> order : rounds) {
            assertThat(order).containsExactlyInAnyOrderElementsOf(sides);
        }
        for (int place = 0; place < sides.size(); place++) {
            Set<Side> atPlace = EnumSet.noneOf(Side.class);
            for (List<Side> order : rounds) {
                atPlace.add(order.get(place));
            }
            assertThat(atPlace).as("sides at place %d", place).containsExactlyInAnyOrderElementsOf(sides);
        }
        assertThat(StartupComparison.order(sides, sides.size())).isEqualTo(StartupComparison.order(sides, 0));
    }

    @Test
    void onlyTheStarterSidesPassTheProbeAMode() {
        assertThat(Side.BASELINE.mode()).isNull();
        assertThat(Side.DEFAULT.mode()).as("the default is measured without the property").isNull();
        assertThat(Side.EAGER.mode()).isEqualTo("eager");
        assertThat(Side.LAZY.mode()).isEqualTo("lazy");
        assertThat(Side.SPRING_CLOUD.mode()).as("Spring Cloud: the default initialization").isNull();
        assertThat(Side.BASELINE.hasStarter()).isFalse();
        assertThat(Side.DEFAULT.hasStarter()).isTrue();
        assertThat(Side.SPRING_CLOUD_BASELINE.hasStarter()).isFalse();
        assertThat(Side.SPRING_CLOUD.hasStarter()).isTrue();
        assertThat(Side.DEFAULT.hasSpringCloud()).isFalse();
        assertThat(Side.SPRING_CLOUD_BASELINE.hasSpringCloud()).isTrue();
        assertThat(Side.SPRING_CLOUD.hasSpringCloud()).isTrue();
    }

    @Test
    void acceptsSpringCloudRunsThatMeasuredWhatTheirSideIsAbout() {
        assertThatCode(() -> Side.SPRING_CLOUD_BASELINE.check(List.of(sample(false, false, -1, true, false))))
                .doesNotThrowAnyException();
        assertThatCode(() -> Side.SPRING_CLOUD.check(List.of(sample(true, true, 30, true, true))))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsRunsOnTheWrongSideOfSpringCloud() {
        assertThatThrownBy(() -> Side.DEFAULT.check(List.of(sample(true, true, 30, true, false))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has Spring Cloud OpenFeign FeignClientFactory: wrong class path");
        assertThatThrownBy(() -> Side.SPRING_CLOUD_BASELINE.check(List.of(sample(false, false, -1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no Spring Cloud OpenFeign FeignClientFactory");
        assertThatThrownBy(() -> Side.SPRING_CLOUD_BASELINE.check(List.of(sample(true, true, 30, true, true))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring-cloud-starter-openfeign only application has an OrchestrationV1 bean");
    }

    @Test
    void rejectsASpringCloudRunWhoseClientWasNotBuiltThroughSpringCloud() {
        assertThatThrownBy(() -> Side.SPRING_CLOUD.check(List.of(sample(true, true, 30, true, false))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the client was not built through Spring Cloud OpenFeign (child context "
                        + "formance-orchestration)");
    }

    @Test
    void acceptsRunsThatMeasuredWhatTheirSideIsAbout() {
        assertThatCode(() -> Side.BASELINE.check(List.of(sample(false, false, -1)))).doesNotThrowAnyException();
        assertThatCode(() -> Side.DEFAULT.check(List.of(sample(true, true, 30)))).doesNotThrowAnyException();
        assertThatCode(() -> Side.EAGER.check(List.of(sample(true, true, 30)))).doesNotThrowAnyException();
        assertThatCode(() -> Side.LAZY.check(List.of(sample(true, false, 500)))).doesNotThrowAnyException();
    }

    @Test
    void rejectsABaselineWithTheClientAndAStarterSideWithout() {
        assertThatThrownBy(() -> Side.BASELINE.check(List.of(sample(false, false, -1), sample(true, true, 30))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("baseline class path contains the starter");
        assertThatThrownBy(() -> Side.EAGER.check(List.of(sample(false, false, -1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no OrchestrationV1 bean");
    }

    @Test
    void rejectsRunsWhereTheInitializationModeDidNotTakeEffect() {
        assertThatThrownBy(() -> Side.LAZY.check(List.of(sample(true, true, 30))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initialization=lazy the client was built before the first call");
        assertThatThrownBy(() -> Side.DEFAULT.check(List.of(sample(true, false, 500))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not built before the first call");
    }

    @Test
    void rejectsAStarterRunWithoutAFirstCall() {
        assertThatThrownBy(() -> Side.DEFAULT.check(List.of(sample(true, true, -1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first call of -1.0 ms");
    }

    private static Sample sample(boolean client, boolean warm, double firstCallMillis) {
        return sample(client, warm, firstCallMillis, false, false);
    }

    private static Sample sample(boolean client, boolean warm, double firstCallMillis, boolean springCloud,
            boolean cloudContext) {
        return new Sample(400, 900, 1000, 50, client, 1400, 4000, 0, 4010, warm, firstCallMillis, springCloud,
                cloudContext);
    }
}
