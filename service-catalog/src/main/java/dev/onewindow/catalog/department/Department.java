package dev.onewindow.catalog.department;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A government department (部门): master data every other service refers to by its code. */
@Document("departments")
public class Department {

    @Id
    private String code;
    private String name;
    @Indexed
    private String region;
    @Version
    private Long version;

    public Department(String code, String name, String region) {
        this.code = code;
        this.name = name;
        this.region = region;
    }

    public String code() { return code; }
    public String name() { return name; }
    public String region() { return region; }

    public void rename(String newName) {
        this.name = newName;
    }
}
