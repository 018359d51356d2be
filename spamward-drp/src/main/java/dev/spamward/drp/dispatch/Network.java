package dev.spamward.drp.dispatch;

/** The three collaborative networks, in the order of gozer's JSON. */
public enum Network {
    DCC("dcc"), RAZOR("razor"), PYZOR("pyzor");

    private final String label;

    Network(String label) {
        this.label = label;
    }

    /** The JSON key and metric label. */
    public String label() {
        return label;
    }
}
