package app.roadbook;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/roadbook.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class RoadbookApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(RoadbookApplication.class, args);
    }

    /** The tab icon on every page (favicon.ico stays for browsers that ask for it by that name). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/roadbook.svg", "any");
    }
}
