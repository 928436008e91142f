package dev.onewindow.catalog.item;

/** The kind of administrative power or public service an item is (the two letters that open its basic code). */
public enum ItemType {
    XK("行政许可"),
    QR("行政确认"),
    JF("行政给付"),
    JL("行政奖励"),
    CJ("行政裁决"),
    ZS("行政征收"),
    QT("其他行政权力"),
    GG("公共服务");

    private final String label;

    ItemType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
