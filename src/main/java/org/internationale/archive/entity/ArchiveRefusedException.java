package org.internationale.archive.entity;

import org.internationale.api.entity.DescribedProblem;

/** An archive that cannot be restored, or a request for one that cannot be made; the message says why. */
public class ArchiveRefusedException extends RuntimeException implements DescribedProblem {

    public ArchiveRefusedException(String message) {
        super(message);
    }

    public ArchiveRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Archive refused";
    }
}
