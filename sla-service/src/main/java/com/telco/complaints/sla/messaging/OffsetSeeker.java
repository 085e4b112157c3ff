package com.telco.complaints.sla.messaging;

import com.telco.complaints.sla.store.LogPosition;
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

/**
 * Positions the consumer where sla's own state says it is (offsets live in sla's schema with the
 * clocks they produced) and tells {@link CatchUp} which partitions this instance now owns. Clocks
 * belong to the partition of their complaint, so a rebalance moves the watch with them.
 */
@ApplicationScoped
@Identifier("sla-offsets")
public class OffsetSeeker implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(OffsetSeeker.class);

    @Inject
    LogPosition position;
    @Inject
    CatchUp catchUp;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<Integer, Long> stored = position.read(partitions.stream().map(TopicPartition::partition).toList());
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            Long next = stored.get(tp.partition());
            if (next != null) {
                consumer.seek(tp, next);
                catchUp.assigned(tp.partition(), 0);
            } else {
                consumer.seekToBeginning(List.of(tp));
                long until = end.getOrDefault(tp, 0L);
                catchUp.assigned(tp.partition(), until);
                if (until > 0) {
                    LOG.infof("partition %d: no clocks yet, replaying from the start up to offset %d before announcing",
                            tp.partition(), until);
                }
            }
        }
        LOG.infof("watching the clocks of partitions %s", catchUp.livePartitions());
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
