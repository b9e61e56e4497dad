using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.Roster;

namespace CoachBot.LocalWorkspace.State;

/// <summary>
/// The whole workspace in memory: conversations, messages, Home views and a protocol log. Every change bumps
/// <see cref="Version"/> and wakes the browser's long poll. One lock; the data is tiny.
/// </summary>
public sealed class WorkspaceState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Conversation> _conversations = [];
    private readonly Dictionary<string, JsonObject> _homeViews = [];
    private readonly List<ProtocolLogEntry> _log = [];
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastTsMicros;

    public WorkspaceState(DemoRoster roster, WorkspaceOptions options, TimeProvider time)
    {
        _time = time;
        Roster = roster;
        Ids = new DemoIds(options.TeamId, roster.Bot.UserId, roster.Bot.BotId, roster.Bot.AppId);
        foreach (var person in roster.People)
        {
            var dm = new Conversation(DmIdOf(person.UserId), ConversationKind.DirectMessage, person.Name, person.UserId);
            dm.Members.UnionWith([person.UserId, roster.Bot.UserId]);
            _conversations[dm.Id] = dm;
        }

        // The managers' channel starts as a real team would set it up: managers plus the bot.
        var managers = new Conversation(options.ManagerChannelId, ConversationKind.PrivateChannel, roster.ManagersChannelName, null);
        managers.Members.UnionWith(roster.People.Where(p => p.IsManager).Select(p => p.UserId).Append(roster.Bot.UserId));
        _conversations[managers.Id] = managers;
        ManagersChannelId = managers.Id;
    }

    public DemoRoster Roster { get; }
    public DemoIds Ids { get; }
    public string ManagersChannelId { get; }
    public long Version { get; private set; }
    public DateTimeOffset Now => _time.GetUtcNow();

    public static string DmIdOf(string userId) => "D" + userId[1..];

    public bool IsKnownUser(string userId) => userId == Ids.BotUserId || Roster.Find(userId) is not null;

    /// <summary>A channel id, or a user id that stands for the bot's DM with that person (as chat.postMessage allows).</summary>
    public Conversation? Resolve(string? channelOrUser)
    {
        if (string.IsNullOrEmpty(channelOrUser))
        {
            return null;
        }

        var id = channelOrUser.StartsWith('U') && Roster.Find(channelOrUser) is not null ? DmIdOf(channelOrUser) : channelOrUser;
        lock (_gate)
        {
            return _conversations.GetValueOrDefault(id);
        }
    }

    public T Read<T>(Func<IReadOnlyDictionary<string, Conversation>, IReadOnlyDictionary<string, JsonObject>, T> read)
    {
        lock (_gate)
        {
            return read(_conversations, _homeViews);
        }
    }

    public StoredMessage Post(Conversation conversation, string? user, bool fromBot, string? text, JsonArray? blocks,
        JsonObject? metadata = null, string? ephemeralFor = null, string? threadTs = null)
    {
        lock (_gate)
        {
            var message = new StoredMessage
            {
                Ts = NextTs(), Channel = conversation.Id, User = user, FromBot = fromBot, Text = text, Blocks = blocks,
                Metadata = metadata, EphemeralFor = ephemeralFor, ThreadTs = threadTs,
            };
            conversation.Messages.Add(message);
            Changed();
            return message;
        }
    }

    public StoredMessage? Find(string channel, string ts)
    {
        lock (_gate)
        {
            return _conversations.GetValueOrDefault(channel)?.Messages.FirstOrDefault(m => m.Ts == ts);
        }
    }

    public void Replace(StoredMessage message, string? text, JsonArray? blocks, JsonObject? metadata)
    {
        lock (_gate)
        {
            message.Text = text;
            message.Blocks = blocks;
            message.Metadata = metadata ?? message.Metadata;
            message.Edited = true;
            message.Revision++;
            Changed();
        }
    }

    public void Delete(StoredMessage message)
    {
        lock (_gate)
        {
            _conversations.GetValueOrDefault(message.Channel)?.Messages.Remove(message);
            Changed();
        }
    }

    public bool AddMember(Conversation conversation, string userId) => ChangeMembers(() => conversation.Members.Add(userId));

    public bool RemoveMember(Conversation conversation, string userId) => ChangeMembers(() => conversation.Members.Remove(userId));

    public bool IsMember(Conversation conversation, string userId)
    {
        lock (_gate)
        {
            return conversation.Members.Contains(userId);
        }
    }

    public IReadOnlyList<string> Members(Conversation conversation)
    {
        lock (_gate)
        {
            return conversation.Members.Order(StringComparer.Ordinal).ToList();
        }
    }

    public JsonObject PublishHome(string userId, JsonObject view)
    {
        lock (_gate)
        {
            var previous = _homeViews.GetValueOrDefault(userId);
            view["id"] = previous?["id"]?.DeepClone() ?? $"V0HOME{userId[1..]}";
            view["hash"] = $"{_time.GetUtcNow().ToUnixTimeMilliseconds()}.{Random.Shared.Next():x8}";
            view["team_id"] = Ids.TeamId;
            view["app_id"] = Ids.AppId;
            view["bot_id"] = Ids.BotId;
            _homeViews[userId] = view;
            Changed();
            return (JsonObject)view.DeepClone();
        }
    }

    public JsonObject? HomeView(string userId)
    {
        lock (_gate)
        {
            return _homeViews.GetValueOrDefault(userId)?.DeepClone() as JsonObject;
        }
    }

    public void AddLog(string direction, string what, string outcome)
    {
        lock (_gate)
        {
            _log.Add(new ProtocolLogEntry(_time.GetUtcNow(), direction, what, outcome));
            if (_log.Count > 60)
            {
                _log.RemoveAt(0);
            }

            Changed();
        }
    }

    public IReadOnlyList<ProtocolLogEntry> Log()
    {
        lock (_gate)
        {
            return _log.ToList();
        }
    }

    /// <summary>Waits until something changes after <paramref name="since"/>, or the timeout passes.</summary>
    public async Task<long> WaitForChangeAsync(long since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (Version != since)
            {
                return Version;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Either way the caller gets the current version; the browser simply polls again.
        }

        return Version;
    }

    public string NextTs()
    {
        lock (_gate)
        {
            var micros = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds() * 1000, _lastTsMicros + 1);
            _lastTsMicros = micros;
            return $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
        }
    }

    private bool ChangeMembers(Func<bool> change)
    {
        lock (_gate)
        {
            var changed = change();
            if (changed)
            {
                Changed();
            }

            return changed;
        }
    }

    private void Changed()
    {
        Version++;
        var waiting = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }
}

public sealed record ProtocolLogEntry(DateTimeOffset At, string Direction, string What, string Outcome);
