package dev.onewindow.platform.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTest {

    @Test
    void aRegionCoversItselfAndWhatLiesBelowIt() {
        assertThat(Regions.covers("341300", "341302")).as("city → its district").isTrue();
        assertThat(Regions.covers("341300", "341300")).as("city → itself").isTrue();
        assertThat(Regions.covers("340000", "341302")).as("province → a district").isTrue();
        assertThat(Regions.covers("341302", "341302")).as("district → itself").isTrue();
    }

    @Test
    void notWhatLiesBesideOrAboveIt() {
        assertThat(Regions.covers("341302", "341300")).as("district → its city").isFalse();
        assertThat(Regions.covers("341302", "341303")).as("district → its neighbour").isFalse();
        assertThat(Regions.covers("341300", "341200")).as("city → another city").isFalse();
        assertThat(Regions.covers("341300", "350300")).as("city → another province").isFalse();
    }

    @Test
    void onlyCodesCount() {
        assertThat(Regions.covers(null, "341302")).isFalse();
        assertThat(Regions.covers("3413", "341302")).isFalse();
        assertThat(Regions.covers("341300", "3413xx")).isFalse();
        assertThat(Regions.covers("000000", "341302")).isFalse();
    }
}
