package org.arshif.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * A first build's old generation in the warm build process kept, after its full collections, at the size a one-shot
 * build's cannot go under (see {@link JvmTuning#INITIAL_HEAP_BYTES}: 192 MB of old).
 *
 * <p>The warm process starts with a lower floor ({@link JvmTuning#warmProcessOptions}: {@code -XX:MinHeapSize}), so
 * that between builds it can give its old generation back ({@link DaemonMemory#releaseOldGeneration}). Under the
 * tight heap free ratios, a full collection then sizes the old generation to what is live plus 20 %: a 10,000-dispatch
 * first build's second full collection, right after the load, left 87 MB live in 108 MB, and the old generation grew
 * back one full collection at a time, 12–18 of them against 2 in {@code java -jar … build --cache} (~2.3 s more CPU;
 * bench/RESULTS.md, w28-mvn). Dropping the lower floor instead kept ~90 MB more in the idle process, and a one-edit
 * rebuild's peak rose 40–50 MB.
 *
 * <p>So after each full collection of a first build, the largest free ratio is set so that the next full collection,
 * even with {@link #LIVE_FALL_PERCENT} less live, sizes the old generation to the floor at least: {@code 1 − live × (1
 * − fall) / floor}, at least the tight 20 % and at most {@link #MOST_FREE_PERCENT}. The ratios are the process's
 * manageable flags; the build's end sets them again ({@link DaemonMemory#sizeHeapFor}).
 */
final class OldGenerationFloor implements AutoCloseable {
    /** The old generation a one-shot first build starts with and never goes under. */
    static final long FLOOR_BYTES = JvmTuning.INITIAL_HEAP_BYTES - JvmTuning.YOUNG_BYTES;
    /** The tight ratios' largest free share (see {@link JvmTuning#TIGHT_OLD_GENERATION}). */
    static final int TIGHT_PERCENT = 20;
    /** The free share never set higher: with little live, the old generation stays under 2.5 times it. */
    static final int MOST_FREE_PERCENT = 60;
    /**
     * How much less may be live at the next full collection than at this one. A 10,000-dispatch first build's full
     * collection at the end of its load leaves 155 MB live (the load's own structures among them), the next one
     * ~100 MB: a ratio made for 155 MB sized the old generation to 125 MB, under the floor, and a third full
     * collection followed before the answer (bench/RESULTS.md, w30-mvn). Sized for 40 % less, the same two leave it at
     * ~200 MB.
     */
    static final int LIVE_FALL_PERCENT = 40;

    private static final String OLD_POOL = "PS Old Gen";
    private static final String FULL_COLLECTOR = "PS MarkSweep";

    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::afterCollection;
    /** Set once closed: a notification still on its way then changes nothing (the build's end set the ratios). */
    private boolean closed;

    private OldGenerationFloor() {}

    /** Holds the floor until closed; holds nothing on another collector or JVM. */
    static OldGenerationFloor hold() {
        OldGenerationFloor floor = new OldGenerationFloor();
        try {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector.getName().equals(FULL_COLLECTOR) && collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(floor.listener, null, null);
                    floor.emitters.add(emitter);
                }
            }
        } catch (RuntimeException notThisJvm) {
            // the build runs under the ratios it has
        }
        return floor;
    }

    /** Nothing held (a rebuild, or ratios the user chose). */
    static OldGenerationFloor none() {
        return new OldGenerationFloor();
    }

    private synchronized void afterCollection(Notification notification, Object handback) {
        if (closed
                || !notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        try {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            MemoryUsage old = info.getGcInfo().getMemoryUsageAfterGc().get(OLD_POOL);
            if (old != null) {
                DaemonMemory.setRatios(10, mostFreePercent(old.getUsed()));
            }
        } catch (RuntimeException notThisJvm) {
            // the next collection sizes as the ratios already say
        }
    }

    /**
     * The largest free share that sizes an old generation holding {@code live} bytes, less {@link #LIVE_FALL_PERCENT},
     * to the floor, within bounds.
     */
    static int mostFreePercent(long live) {
        if (live <= 0) {
            return TIGHT_PERCENT;
        }
        long percent = 100 - (100 - LIVE_FALL_PERCENT) * live / FLOOR_BYTES;
        return (int) Math.max(TIGHT_PERCENT, Math.min(MOST_FREE_PERCENT, percent));
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException gone) {
                // removed already
            }
        }
    }
}
