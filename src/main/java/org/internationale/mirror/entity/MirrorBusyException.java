package org.internationale.mirror.entity;

import org.internationale.api.entity.DescribedProblem;

/** An export was asked for, or its archive, while one is being written. */
public class MirrorBusyException extends RuntimeException implements DescribedProblem {

    public MirrorBusyException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "The mirror is being written";
    }
}
