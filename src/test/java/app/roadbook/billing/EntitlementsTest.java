package app.roadbook.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Entitlement keys and values as the billing page shows them; no database. */
class EntitlementsTest {

    @Test
    void storageHasANameAndAUnit() {
        assertThat(Entitlements.name("max_storage_mb")).isEqualTo("File storage");
        assertThat(Entitlements.value("max_storage_mb", "500")).isEqualTo("500 MB");
        assertThat(Entitlements.value("max_storage_mb", "2048")).isEqualTo("2 GB");
        assertThat(Entitlements.value("max_storage_mb", "unlimited")).isEqualTo("Unlimited");
        assertThat(Entitlements.value("max_members", "5")).isEqualTo("5");
        assertThat(Entitlements.value("advancing", "true")).isEqualTo("Included");
    }
}
