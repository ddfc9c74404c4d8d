package org.internationale.text.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed PO file: header fields and entries in file order. */
public record PoCatalog(Map<String, String> header, List<PoEntry> entries) {

    public PoCatalog {
        header = new LinkedHashMap<>(header);
        entries = List.copyOf(entries);
    }

    public Optional<String> headerField(String name) {
        return Optional.ofNullable(header.get(name));
    }
}
