package org.wenzheng.board.posting;

/**
 * Where a posting comes from. The web form brings the client address (rate limited per address) and its challenge;
 * another channel is authenticated by its token instead, and its address (the channel's server, shared by all its
 * citizens) is not rate limited. The idempotency key makes a retried request return the first result.
 *
 * @param channel         WEB or the channel token's name
 * @param clientAddress   the web client's IP address, only ever stored as a keyed hash; null for channels
 * @param idempotencyKey  the form's one-time key or the API's Idempotency-Key header; may be null
 * @param challenge       the web form's question, null for channels
 * @param challengeAnswer what the citizen answered
 */
public record PostingOrigin(String channel, String clientAddress, String idempotencyKey,
                            ArithmeticChallenge challenge, String challengeAnswer) {

    public static PostingOrigin web(String clientAddress, String formKey, ArithmeticChallenge challenge,
                                    String answer) {
        return new PostingOrigin(ChannelTokenService.WEB, clientAddress, formKey, challenge, answer);
    }

    public static PostingOrigin channel(String channelName, String idempotencyKey) {
        return new PostingOrigin(channelName, null, idempotencyKey, null, null);
    }

    public boolean isWeb() {
        return ChannelTokenService.WEB.equals(channel);
    }
}
