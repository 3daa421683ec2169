package app.roadbook.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a browser's Flow client knows about one UI, kept just far enough to drive it: the security key, the sync and
 * client ids, and the state tree's nodes (tag, properties, attributes, children, text) as the server's UIDL changes
 * describe them. It writes the requests the Flow client would write for the actions the load test takes: navigating
 * (the {@code ui-navigate} event the client router sends), confirming the lazy grids' data updates, clicking (the
 * {@code click} event with the data Vaadin's click listeners ask for) and changing a field's value ({@code mSync} of
 * {@code value} followed by the {@code change} event). Captured from a real Chromium against Roadbook; see
 * docs/performance.md ("Load test").
 */
final class VaadinUi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** UIDL feature ids (com.vaadin.flow.internal.nodefeature.NodeFeatures) the driver reads. */
    private static final int ELEMENT_DATA = 0, ELEMENT_PROPERTIES = 1, ELEMENT_CHILDREN = 2, ELEMENT_ATTRIBUTES = 3;

    private static final int TEXT_NODE = 7;

    private static final class Node {
        String tag;
        String text;
        final Map<String, JsonNode> properties = new HashMap<>();
        final Map<String, JsonNode> attributes = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
    }

    final int uiId;
    private final String csrfToken;
    private int syncId;
    private int clientId;
    private final Map<Integer, Node> nodes = new HashMap<>();
    /** Nodes attached or changed by the latest response, in the order the server named them. */
    private final Set<Integer> lastChanged = new LinkedHashSet<>();
    /** Lazy grids whose data update the client confirms next ({@code $connector.confirm(id)}). */
    private final List<int[]> pendingConfirms = new ArrayList<>();

    private VaadinUi(int uiId, String csrfToken) {
        this.uiId = uiId;
        this.csrfToken = csrfToken;
    }

    /** The UI of a {@code ?v-r=init} response. */
    static VaadinUi fromInit(String body) {
        JsonNode config = parse(body).path("appConfig");
        JsonNode uidl = config.path("uidl");
        VaadinUi ui = new VaadinUi(
                config.path("v-uiId").asInt(), uidl.path("Vaadin-Security-Key").asText());
        ui.apply(uidl);
        return ui;
    }

    /** Applies a {@code ?v-r=uidl} response; false when the server answered with something else (an error page). */
    boolean applyResponse(String body) {
        JsonNode uidl;
        try {
            uidl = parse(body);
        } catch (IllegalArgumentException notJson) {
            return false;
        }
        if (uidl.isArray()) {
            uidl = uidl.path(0);
        }
        if (!uidl.has("syncId")) {
            return false;
        }
        apply(uidl);
        return true;
    }

    private void apply(JsonNode uidl) {
        syncId = uidl.path("syncId").asInt(syncId);
        clientId = uidl.path("clientId").asInt(clientId + 1);
        lastChanged.clear();
        for (JsonNode change : uidl.path("changes")) {
            int id = change.path("node").asInt();
            String type = change.path("type").asText();
            if ("detach".equals(type)) {
                nodes.remove(id);
                continue;
            }
            Node node = nodes.computeIfAbsent(id, k -> new Node());
            lastChanged.add(id);
            int feat = change.path("feat").asInt(-1);
            switch (type) {
                case "put" -> {
                    String key = change.path("key").asText();
                    JsonNode value = change.path("value");
                    if (feat == ELEMENT_DATA && "tag".equals(key)) {
                        node.tag = value.asText();
                    } else if (feat == ELEMENT_PROPERTIES) {
                        node.properties.put(key, value);
                    } else if (feat == ELEMENT_ATTRIBUTES) {
                        node.attributes.put(key, value);
                    } else if (feat == TEXT_NODE && "text".equals(key)) {
                        node.text = value.asText();
                    }
                }
                case "splice" -> {
                    if (feat == ELEMENT_CHILDREN) {
                        int index = change.path("index").asInt();
                        int remove = change.path("remove").asInt(0);
                        for (int i = 0; i < remove && index < node.children.size(); i++) {
                            node.children.remove(index);
                        }
                        int at = Math.min(index, node.children.size());
                        for (JsonNode added : change.path("addNodes")) {
                            node.children.add(at++, added.asInt());
                        }
                    }
                }
                case "clear" -> {
                    if (feat == ELEMENT_CHILDREN) {
                        node.children.clear();
                    }
                }
                default -> {}
            }
        }
        pendingConfirms.clear();
        for (JsonNode invocation : uidl.path("execute")) {
            // [{"@v-node": 12}, 0, "return $0.$connector.confirm($1)"]: a lazy grid's data arrived; its connector
            // confirms it to the server (combo boxes confirm only once opened, so the two-argument form is left).
            int size = invocation.size();
            if (size == 3 && "return $0.$connector.confirm($1)".equals(invocation.path(2).asText())) {
                pendingConfirms.add(new int[] {
                    invocation.path(0).path("@v-node").asInt(), invocation.path(1).asInt()
                });
            }
        }
    }

    /** The client router's navigation to {@code route} (a path without the leading slash, e.g. "shows"). */
    String navigate(String route) {
        ObjectNode data = NODES.objectNode()
                .put("route", route)
                .put("query", "")
                .put("appShellTitle", "")
                .put("trigger", "client");
        data.putObject("historyState").put("idx", 0);
        return request(event(1, "ui-navigate", data));
    }

    /** The confirmations the grids' connectors send after data arrived; null when there is nothing to confirm. */
    String confirmGridUpdates() {
        if (pendingConfirms.isEmpty()) {
            return null;
        }
        List<ObjectNode> rpc = new ArrayList<>();
        for (int[] confirm : pendingConfirms) {
            ObjectNode call = NODES.objectNode()
                    .put("type", "publishedEventHandler")
                    .put("node", confirm[0])
                    .put("templateEventMethodName", "confirmUpdate");
            call.putArray("templateEventMethodArgs").add(confirm[1]);
            call.put("promise", 0);
            rpc.add(call);
        }
        return request(rpc.toArray(ObjectNode[]::new));
    }

    boolean hasPendingConfirms() {
        return !pendingConfirms.isEmpty();
    }

    /** A click on the button, as a mouse click fills in the click listener's event data. */
    String click(int node) {
        ObjectNode data = NODES.objectNode();
        for (String key : new String[] {"shiftKey", "metaKey", "ctrlKey", "altKey"}) {
            data.put("event." + key, false);
        }
        for (String key : new String[] {"detail", "clientX", "clientY", "button", "screenX", "screenY"}) {
            data.put("event." + key, 0);
        }
        data.put("event.detail", 1);
        return request(event(node, "click", data));
    }

    /** Typing a value into a text field and leaving it: the value property synchronized, then its change event. */
    String setValue(int node, String value) {
        ObjectNode sync = NODES.objectNode()
                .put("type", "mSync")
                .put("node", node)
                .put("feature", ELEMENT_PROPERTIES)
                .put("property", "value")
                .put("value", value);
        return request(sync, event(node, "change", NODES.objectNode()));
    }

    /** The heartbeat's path: the Flow client posts it every heartbeat interval while the page is open. */
    String heartbeatPath() {
        return "/?v-r=heartbeat&v-uiId=" + uiId;
    }

    String uidlPath() {
        return "/?v-r=uidl&v-uiId=" + uiId;
    }

    /** A button whose own text is {@code text}, among the nodes the latest response attached or changed first. */
    Optional<Integer> button(String text) {
        return find(n -> "vaadin-button".equals(n.tag) && text.equals(ownText(n)));
    }

    /** A button with this {@code aria-label} attribute (icon-only or repeated buttons name their target this way). */
    Optional<Integer> buttonLabelled(String ariaLabel) {
        return find(n -> "vaadin-button".equals(n.tag)
                && n.attributes.containsKey("aria-label")
                && ariaLabel.equals(n.attributes.get("aria-label").asText()));
    }

    /** A text field (or area) whose label is {@code label}. */
    Optional<Integer> field(String label) {
        return find(n -> n.tag != null
                && n.tag.matches("vaadin-text-(field|area)")
                && n.properties.containsKey("label")
                && label.equals(n.properties.get("label").asText()));
    }

    /** Whether any node's text contains {@code text} (e.g. a notification or a heading). */
    boolean hasText(String text) {
        return nodes.values().stream().anyMatch(n -> n.text != null && n.text.contains(text));
    }

    int nodeCount() {
        return nodes.size();
    }

    private Optional<Integer> find(java.util.function.Predicate<Node> test) {
        Set<Integer> seen = new HashSet<>();
        for (int id : lastChanged) {
            seen.add(id);
            Node n = nodes.get(id);
            if (n != null && test.test(n)) {
                return Optional.of(id);
            }
        }
        return nodes.entrySet().stream()
                .filter(e -> !seen.contains(e.getKey()) && test.test(e.getValue()))
                .map(Map.Entry::getKey)
                .min(Integer::compare);
    }

    private String ownText(Node n) {
        StringBuilder text = new StringBuilder();
        for (int child : n.children) {
            Node c = nodes.get(child);
            if (c != null && c.text != null) {
                text.append(c.text);
            }
        }
        return text.toString().strip();
    }

    private static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode event =
                NODES.objectNode().put("type", "event").put("node", node).put("event", name);
        event.set("data", data);
        return event;
    }

    private String request(ObjectNode... rpc) {
        ObjectNode body = NODES.objectNode().put("csrfToken", csrfToken);
        ArrayNode calls = body.putArray("rpc");
        for (ObjectNode call : rpc) {
            calls.add(call);
        }
        body.put("syncId", syncId).put("clientId", clientId);
        return body.toString();
    }

    private static JsonNode parse(String body) {
        String json = body.startsWith("for(;;);") ? body.substring(8) : body;
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a UIDL response: " + abbreviate(body), e);
        }
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
