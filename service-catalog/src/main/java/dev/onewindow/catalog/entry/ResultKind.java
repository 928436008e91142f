package dev.onewindow.catalog.entry;

/** What an approved case yields: an e-license issued by e-license, or a (paper or PDF) document. */
public enum ResultKind {
    LICENSE,
    DOCUMENT
}
