package com.telco.complaints.eventing.log;

import com.telco.complaints.eventing.parking.Redrive;
import com.telco.complaints.eventing.store.Positions;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Positions the consumer where the service's own tables say it is, not where the consumer group
 * last committed: positions live in the service's schema with the state they produced. A partition
 * the service has no state for is replayed from the start (see {@link CatchUp}), or, for a door,
 * read from where the group stands. After an assignment, parked records that wait for a version
 * this code now reads are re-driven.
 */
@ApplicationScoped
@Identifier("log-positions")
public class PositionSeeker implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(PositionSeeker.class);

    @Inject
    Positions positions;
    @Inject
    CatchUp catchUp;
    @Inject
    LogApplier applier;
    @Inject
    Redrive redrive;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        boolean replays = applier.handler().replaysFromStart();
        Map<Integer, Long> stored = positions.read(partitions.stream().map(TopicPartition::partition).toList());
        Map<TopicPartition, Long> end = replays ? consumer.endOffsets(partitions) : Map.of();
        for (TopicPartition tp : partitions) {
            Long next = stored.get(tp.partition());
            if (next != null) {
                consumer.seek(tp, next);
                catchUp.assigned(tp.partition(), 0);
            } else if (replays) {
                consumer.seekToBeginning(List.of(tp));
                long until = end.getOrDefault(tp, 0L);
                catchUp.assigned(tp.partition(), until);
                if (until > 0) {
                    LOG.infof("partition %d: no state yet, replaying from the start up to offset %d before deciding",
                            tp.partition(), until);
                }
            } else {
                catchUp.assigned(tp.partition(), 0); // a door: from where the consumer group stands
            }
        }
        applier.refreshParkedPartitions();
        Set<Integer> owned = new TreeSet<>();
        partitions.forEach(tp -> owned.add(tp.partition()));
        if (applier.handler().failurePolicy().parks()) {
            Thread thread = new Thread(() -> redrive.afterUpgrade(owned), "redrive-after-upgrade");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> catchUp.revoked(tp.partition()));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
