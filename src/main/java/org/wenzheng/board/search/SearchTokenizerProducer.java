package org.wenzheng.board.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the one shared {@link SearchTokenizer} injectable, and loads jieba's dictionary (about 1.5 s) in the
 * background at start-up, so that no citizen's first post or search waits for it.
 */
@ApplicationScoped
public class SearchTokenizerProducer {

    private static final SearchTokenizer TOKENIZER = new SearchTokenizer();

    @Resource
    ManagedExecutorService executor;

    @Produces
    SearchTokenizer tokenizer() {
        return TOKENIZER;
    }

    void preload(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor.submit(SearchTokenizer::preload);
    }
}
