package io.github.formancecommunity.orchestration.docs;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the documentation's Spring examples run in: the starter and the beans of this package. */
@SpringBootApplication
class DocsApplication {
}
