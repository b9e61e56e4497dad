namespace CoachBot.Coaching.Chat;

/// <summary>
/// The one seam through which the core and the jobs send: Slack, Teams and test fakes implement it.
/// Failures are reported as <see cref="ChatDeliveryException"/> with a classified <see cref="ChatFailureKind"/>.
/// </summary>
public interface IChatMessenger
{
    ChatPlatform Platform { get; }

    /// <summary>Sends to a person's 1:1 conversation with the bot, opening it if needed.</summary>
    Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, CancellationToken cancellationToken) =>
        SendDirectAsync(person, message, prepaid: null, cancellationToken);

    /// <summary>
    /// As above, with the send's place in the platform's rate already reserved by the caller (<see cref="RateSlot"/>);
    /// null reserves as usual.
    /// </summary>
    Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, RateSlot? prepaid, CancellationToken cancellationToken);

    /// <summary>Posts to a channel or thread (the managers' channel). Callers check the channel is allowed.</summary>
    Task<SentMessage> PostAsync(ChatAddress conversation, CoachMessage message, CancellationToken cancellationToken);

    Task UpdateAsync(SentMessage sent, CoachMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Looks in the person's DM for a message carrying <paramref name="deliveryId"/> sent since <paramref name="since"/>.
    /// Returns null when not found. Platforms that cannot read back throw <see cref="NotSupportedException"/>;
    /// check <see cref="CanReconcile"/> first.
    /// </summary>
    Task<SentMessage?> FindDeliveryAsync(PersonKey person, Guid deliveryId, DateTimeOffset since, CancellationToken cancellationToken);

    bool CanReconcile { get; }
}
