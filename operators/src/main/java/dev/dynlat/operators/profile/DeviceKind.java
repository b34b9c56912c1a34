package dev.dynlat.operators.profile;

/** What kind of processor a profile describes; processing engines are SMs on a GPU, cores on a CPU. */
public enum DeviceKind {
    GPU, CPU
}
