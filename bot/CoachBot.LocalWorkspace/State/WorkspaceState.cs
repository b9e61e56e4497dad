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
    private readonly TimeProvider _time;
    private long _lastTsMicros;

    public WorkspaceState(DemoRoster roster, WorkspaceOptions options, TimeProvider time)
    {
        _time = time;
        Feed = new ChangeFeed(time);
        Log = new ProtocolLog(Feed, time);
        Homes = new HomeViews(Feed, time);
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
    public ChangeFeed Feed { get; }
    public ProtocolLog Log { get; }
    public HomeViews Homes { get; }
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Shown on the first screen when earlier history could not be kept (an unreadable state file); null otherwise.</summary>
    public string? Notice { get; set; }

    /// <summary>Conversations (members, messages) and Home views as one document, for <see cref="WorkspaceStore"/>.</summary>
    public SavedWorkspace Export()
    {
        lock (_gate)
        {
            var conversations = _conversations.Values
                .Select(c => new SavedConversation(c.Id, c.Members.Order(StringComparer.Ordinal).ToList(), c.Messages.Select(m => m.Copy()).ToList()))
                .ToList();
            return new SavedWorkspace(SavedWorkspace.CurrentFormat, Ids.TeamId, conversations, Homes.Export());
        }
    }

    /// <summary>Takes back an exported document at start-up. Conversations this roster does not have are left out.</summary>
    public void Import(SavedWorkspace saved)
    {
        lock (_gate)
        {
            foreach (var stored in saved.Conversations)
            {
                if (_conversations.GetValueOrDefault(stored.Id) is not { } conversation)
                {
                    continue;
                }

                conversation.Members.Clear();
                conversation.Members.UnionWith(stored.Members);
                conversation.Messages.Clear();
                conversation.Messages.AddRange(stored.Messages.Where(m => m.Channel == conversation.Id));
            }

            // New ts values must stay after every kept one, as Slack's do.
            _lastTsMicros = _conversations.Values.SelectMany(c => c.Messages).Select(m => TsMicros(m.Ts)).DefaultIfEmpty(0).Max();
            Homes.Import(saved.Homes);
            Changed();
        }
    }

    private static long TsMicros(string ts) =>
        decimal.TryParse(ts, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? (long)(value * 1_000_000)
            : 0;

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

    public T Read<T>(Func<IReadOnlyDictionary<string, Conversation>, T> read)
    {
        lock (_gate)
        {
            return read(_conversations);
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

    // Called under the lock; waking the long polls is cheap and does not call back into this class.
    private void Changed() => Feed.Notify();
}
