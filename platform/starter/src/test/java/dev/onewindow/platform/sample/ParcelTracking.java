package dev.onewindow.platform.sample;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A consumer-side projection: how many parcel events were applied, to prove each is applied once. */
@Document("parcel_tracking")
public record ParcelTracking(@Id String parcelId, int eventsApplied, String lastType) {
}
