package org.gridfleet.comm.sunspec;

/** Holding registers of one device, read and written by 0-based address; discovery and polling see only this. */
public interface RegisterReader {
    /** Reads {@code count} (1..125) holding registers from {@code address}. */
    RegisterResult read(int address, int count);

    /** Writes registers from {@code address}. */
    RegisterResult write(int address, short[] registers);
}
