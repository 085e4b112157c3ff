package com.telco.complaints.analytics.messaging;

import com.telco.complaints.analytics.store.LogPosition;
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
 * Positions the consumer where analytics' own tables say it is, not where the consumer group last
 * committed: offsets live in analytics' schema with the rows they produced. A partition with no
 * offset yet (first start, dropped schema) is read from the start.
 */
@ApplicationScoped
@Identifier("analytics-offsets")
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
                LOG.infof("partition %d: nothing applied yet, reading from the start", tp.partition());
            }
        }
    }
}
