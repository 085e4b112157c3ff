package com.telco.complaints.routing.messaging;

import com.telco.complaints.routing.store.LogPosition;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Map;

/**
 * Positions the consumer where routing's own state says it is, not where the consumer group last
 * committed: offsets live in routing's schema with the state they produced. A partition routing
 * has no state for is replayed from the start (see {@link CatchUp}).
 */
@ApplicationScoped
@Identifier("routing-offsets")
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
                catchUp.forget(tp.partition());
            } else {
                consumer.seekToBeginning(java.util.List.of(tp));
                catchUp.replay(tp.partition(), end.getOrDefault(tp, 0L));
                LOG.infof("partition %d: no state yet, replaying from the start up to offset %d before deciding",
                        tp.partition(), end.getOrDefault(tp, 0L));
            }
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> catchUp.forget(tp.partition()));
    }
}
