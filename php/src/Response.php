<?php
/**
 * One successful call as it went over the wire (Stripe's last_response, Twilio's
 * httpClient->lastResponse): the decoded result, the HTTP status, the request id, the attempts
 * made, the response headers (credentials masked) and the raw body.
 *
 *     $r = $pc->callWithResponse('v4.list-account-phone-numbers', ['limit' => 10]);
 *     echo $r->status, ' ', $r->requestId, ' ', $r->header('RateLimit-Remaining') ?? '-';
 *     foreach ($r->data['items'] as $number) { ... }
 *     $pc->call('v4.get-account');
 *     echo $pc->lastResponse()->body;              // the raw JSON the upstream sent
 */

declare(strict_types=1);

namespace PhoneCom;

final class Response
{
    /**
     * @param mixed $data the decoded result (what call() returns)
     * @param int $status the HTTP status
     * @param string $requestId the upstream's request id when it sent one, else the library's
     * @param int $attempts how many times the request was sent
     * @param array<string, string> $headers lower-case names; repeated headers joined with ", ";
     *        credentials masked (authorization, set-cookie, x-api-key, the client's secrets: ***)
     * @param string $body the raw response body as text, at most 1 MiB
     * @param bool $bodyTruncated whether $body was cut at 1 MiB ($data is always whole)
     */
    public function __construct(
        public readonly mixed $data,
        public readonly int $status,
        public readonly string $requestId,
        public readonly int $attempts,
        public readonly array $headers,
        public readonly string $body,
        public readonly bool $bodyTruncated,
    ) {
    }

    /** A response from the JSON object phonecom_call_with_response returns, decoded. */
    public static function fromArray(array $r): self
    {
        return new self(
            $r['data'] ?? null,
            (int)$r['status'],
            (string)$r['request_id'],
            (int)$r['attempts'],
            $r['headers'] ?? [],
            (string)($r['body'] ?? ''),
            (bool)($r['body_truncated'] ?? false),
        );
    }

    /** The header called $name (any case), or null. */
    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }
}
