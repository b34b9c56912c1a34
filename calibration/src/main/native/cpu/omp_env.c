/*
 * libdynlat_omp_env: loaded before any library that links OpenMP, so that libgomp, which reads its
 * settings once when it is loaded, sees a bounded spin count. By default an OpenMP thread that
 * reaches a barrier first spins for a long while (about 300,000 iterations) before it sleeps; when
 * another process takes a core, the spinning thread burns the time the descheduled one needs, and a
 * 0.7 ms kernel took 20 ms (issue 19). A short spin keeps barriers fast on an idle machine and lets
 * the waiting thread yield its core on a busy one. The user's own OMP_WAIT_POLICY or GOMP_SPINCOUNT
 * always wins.
 */
#include <jni.h>
#include <stdlib.h>

JNIEXPORT jint JNICALL Java_dev_dynlat_calibration_backend_OpenMpWaiting_bound(JNIEnv *env, jclass cls,
                                                                               jstring spins) {
    (void)cls;
    if (getenv("OMP_WAIT_POLICY") != NULL || getenv("GOMP_SPINCOUNT") != NULL) {
        return 0;
    }
    const char *value = (*env)->GetStringUTFChars(env, spins, NULL);
    if (value == NULL) {
        return -1;
    }
    int rc = setenv("GOMP_SPINCOUNT", value, 0);
    (*env)->ReleaseStringUTFChars(env, spins, value);
    return rc == 0 ? 1 : -1;
}
