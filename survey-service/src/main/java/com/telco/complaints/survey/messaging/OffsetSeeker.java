package com.telco.complaints.survey.messaging;

import com.telco.complaints.survey.store.LogPosition;
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
 * Positions the consumer where survey's own state says it is, not where the consumer group last
 * committed: offsets live in survey's schema with the state they produced. A partition survey has
 * no state for is replayed from the start; survey decides nothing while consuming, so a replay
 * only rebuilds the tasks.
 */
@ApplicationScoped
@Identifier("survey-offsets")
public class OffsetSeeker implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(OffsetSeeker.class);

    @Inject
    LogPosition position;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<Integer, Long> stored = position.read(partitions.stream().map(TopicPartition::partition).toList());
        for (TopicPartition tp : partitions) {
            Long next = stored.get(tp.partition());
            if (next != null) {
                consumer.seek(tp, next);
            } else {
                consumer.seekToBeginning(List.of(tp));
                LOG.infof("partition %d: no state yet, replaying from the start", tp.partition());
            }
        }
    }
}
