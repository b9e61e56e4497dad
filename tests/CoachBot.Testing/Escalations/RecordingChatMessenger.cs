using CoachBot.Coaching.Chat;

namespace CoachBot.Testing.Escalations;

/// <summary>A messenger that records what would have been sent. Thread-safe, so concurrent tests can count messages.</summary>
public sealed class RecordingChatMessenger(ChatPlatform platform = ChatPlatform.Slack) : IChatMessenger
{
    private readonly Lock _gate = new();
    private readonly List<(PersonKey To, CoachMessage Message)> _direct = [];
    private readonly List<(ChatAddress To, CoachMessage Message, SentMessage Sent)> _posts = [];
    private readonly List<(SentMessage Sent, CoachMessage Message)> _updates = [];
    private int _nextId;

    public ChatPlatform Platform => platform;

    public bool CanReconcile => false;

    public IReadOnlyList<(PersonKey To, CoachMessage Message)> Direct { get { lock (_gate) { return _direct.ToList(); } } }

    public IReadOnlyList<(ChatAddress To, CoachMessage Message, SentMessage Sent)> Posts { get { lock (_gate) { return _posts.ToList(); } } }

    public IReadOnlyList<(SentMessage Sent, CoachMessage Message)> Updates { get { lock (_gate) { return _updates.ToList(); } } }

    public IReadOnlyList<CoachMessage> DirectTo(PersonKey person) => Direct.Where(d => d.To == person).Select(d => d.Message).ToList();

    public Task<SentMessage> SendDirectAsync(PersonKey person, CoachMessage message, RateSlot? prepaid, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _direct.Add((person, message));
            return Task.FromResult(new SentMessage(new ChatAddress(platform, person.WorkspaceId, $"D-{person.UserId}"), NextId()));
        }
    }

    public Task<SentMessage> PostAsync(ChatAddress conversation, CoachMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var sent = new SentMessage(conversation, NextId());
            _posts.Add((conversation, message, sent));
            return Task.FromResult(sent);
        }
    }

    public Task UpdateAsync(SentMessage sent, CoachMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _updates.Add((sent, message));
        }

        return Task.CompletedTask;
    }

    public Task<SentMessage?> FindDeliveryAsync(PersonKey person, Guid deliveryId, DateTimeOffset since, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private string NextId() => $"m{++_nextId}";
}
