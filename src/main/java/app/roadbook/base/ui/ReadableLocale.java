package app.roadbook.base.ui;

import app.roadbook.base.Formats;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Every page speaks {@link Formats#LOCALE}: date pickers read and show day before month (15/01/2027, never the US
 * 1/15/2027), time pickers the 24-hour clock, whatever language the browser asks for.
 */
@Component
class ReadableLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(Formats.LOCALE));
    }
}
