using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Escalations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CoachBot.Testing.Conversation;

/// <summary>
/// A <see cref="RepInbox"/> wired as in production (AddRepConversation) on a test database, with a fake clock and
/// recording escalations, plus intent-named helpers for what a rep does in their DM.
/// </summary>
public sealed class RepConversation : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public RepConversation(NpgsqlDataSource dataSource, string userId, string displayName = "Sam Rivera", string? timeZone = "Europe/Berlin")
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(dataSource)
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IEscalations>(Escalations)
            .AddRepConversation()
            .BuildServiceProvider();
        Inbox = _services.GetRequiredService<RepInbox>();
        Sender = new Sender(new PersonKey(ChatPlatform.Slack, "T-conversation", userId), displayName, TimeZone: timeZone);
        Dm = new ChatAddress(ChatPlatform.Slack, "T-conversation", $"D-{userId}");
    }

    public FakeTimeProvider Time { get; }

    public RecordingEscalations Escalations { get; } = new();

    public RepInbox Inbox { get; }

    public Sender Sender { get; }

    public ChatAddress Dm { get; }

    public SentMessage PressedMessage => new(Dm, "1700000000.000100");

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task<InboxReply> StartAsync() => Inbox.OnConversationStartedAsync(Sender, Dm, CancellationToken.None);

    public Task<InboxReply> SayAsync(string text) => Inbox.OnMessageAsync(new InboundMessage(Sender, Dm, text), CancellationToken.None);

    public Task<InboxReply> PressAsync(string actionId, string value, string? inputText = null) =>
        Inbox.OnActionAsync(new InboundAction(Sender, Dm, PressedMessage, actionId, value, inputText), CancellationToken.None);

    /// <summary>Presses the first button with this action id in <paramref name="message"/>, or the one with this label.</summary>
    public Task<InboxReply> PressAsync(CoachMessage message, string actionId, string? label = null)
    {
        var button = message.Blocks.OfType<ActionsBlock>().SelectMany(b => b.Buttons)
            .First(b => b.ActionId == actionId && (label is null || b.Label == label));
        return PressAsync(button.ActionId, button.Value);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
