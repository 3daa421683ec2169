package app.roadbook.tenancy.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** A page whose session ended (idle, 12 hours, signed out everywhere, access changed) goes to the sign-in page. */
@Component
class SessionEndedMessages implements VaadinServiceInitListener {

    static final String ENDED_PATH = "login?ended";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        messages.setSessionExpiredURL(ENDED_PATH);
        event.getSource().setSystemMessagesProvider(info -> messages);
    }
}
