package dev.onewindow.dataexchange.resources;

/** How data-exchange reaches a resource's data. */
public enum AccessMode {
    /** Each query is answered by the provider's system through its registered adapter. */
    API,
    /** The provider pushes the records; queries read them here, subscribers hear of changes. */
    DATASET
}
