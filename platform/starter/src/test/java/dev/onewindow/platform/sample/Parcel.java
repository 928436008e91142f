package dev.onewindow.platform.sample;

import java.time.Instant;

import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Sample aggregate: registered, then shipped once. */
@Document("parcels")
public class Parcel extends AggregateRoot {

    enum Status { REGISTERED, SHIPPED }

    enum Priority { NORMAL, URGENT }

    @Id
    private String id;
    private String region;
    private String label;
    private String note;
    private Priority priority;
    private Status status;

    static Parcel register(String id, String region, String label, Instant now) {
        return register(id, region, label, null, Priority.NORMAL, now);
    }

    static Parcel register(String id, String region, String label, String note, Priority priority, Instant now) {
        Parcel parcel = new Parcel();
        parcel.id = id;
        parcel.region = region;
        parcel.label = label;
        parcel.note = note;
        parcel.priority = priority == null ? Priority.NORMAL : priority;
        parcel.status = Status.REGISTERED;
        parcel.registerEvent("parcel.registered", new ParcelRegistered(id, label), now);
        return parcel;
    }

    void ship(Instant now) {
        if (status != Status.REGISTERED) {
            throw DomainException.illegalState(status, "ship");
        }
        status = Status.SHIPPED;
        registerEvent("parcel.shipped", new ParcelShipped(id), now);
    }

    @Override
    protected String aggregateType() {
        return "parcel";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public Status status() { return status; }
    public String label() { return label; }
    public String note() { return note; }
    public Priority priority() { return priority; }

    record ParcelRegistered(String parcelId, String label) {
    }

    record ParcelShipped(String parcelId) {
    }
}
