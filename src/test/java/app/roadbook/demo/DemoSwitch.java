package app.roadbook.demo;

import org.springframework.mock.env.MockEnvironment;

/** The demo data's switch as an instance with the demo on would have it: for tests of what the demo adds. */
public final class DemoSwitch {

    private DemoSwitch() {}

    /** {@link DemoData} as built with {@code roadbook.demo=true}. */
    public static DemoData on() {
        return new DemoData(new MockEnvironment().withProperty("roadbook.demo", "true"));
    }
}
