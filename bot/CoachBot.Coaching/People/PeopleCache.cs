using System.Collections.Concurrent;
using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.People;

/// <summary>
/// What registration last read back for each person (the person with their role, their rep profile, their workspace's
/// managers' channel), so a known person's request needs no round trip to register. Correct across instances because
/// it is only trusted while <see cref="PeopleCacheFeed"/> listens: every write to person, rep_profile or workspace, on
/// any instance, announces itself (migration 1400) and evicts the entry here; a lost connection flushes everything and
/// turns the cache off until listening again. Entries also expire after <see cref="Lifetime"/>, a safety net for a
/// change that somehow went unannounced.
/// </summary>
public sealed class PeopleCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // Far above any real team; past it the cache starts over rather than grow without bound.
    internal const int MaxPeople = 50_000;

    private readonly ConcurrentDictionary<PersonKey, PersonEntry> _people = new();
    private readonly ConcurrentDictionary<long, PersonKey> _keyById = new();
    private readonly ConcurrentDictionary<(ChatPlatform, string), WorkspaceEntry> _workspaces = new();
    private readonly ConcurrentDictionary<long, (ChatPlatform, string)> _workspaceById = new();
    // Announcements received lately, so a read that was in flight when one arrived is not stored stale.
    private readonly ConcurrentQueue<Announcement> _recent = new();
    private const int RecentKept = 4096;
    private long _announcements;
    private long _flushes;
    private volatile bool _live;

    /// <summary>Taken before a registration reads the database; <see cref="Store"/> refuses it if a change to the same rows arrived since.</summary>
    public Snapshot Begin() => new(Interlocked.Read(ref _flushes), Interlocked.Read(ref _announcements));

    public readonly record struct Snapshot(long Flushes, long Announcements);

    private readonly record struct Announcement(long Seq, string Table, long Id, uint Xid);

    /// <summary>True while announcements are being received; otherwise nothing is served or stored.</summary>
    public bool IsLive => _live;

    internal sealed record PersonEntry(Registration Registration, Sender Seen, uint PersonVersion, uint? ProfileVersion, DateTimeOffset At);

    internal sealed record WorkspaceEntry(long Id, string? ManagerChannel, uint Version, DateTimeOffset At);

    /// <summary>
    /// The registration for <paramref name="sender"/> if nothing needs writing: the platform describes them as it did last
    /// time, they are reachable, and their workspace already names <paramref name="managerChannel"/> (when one is configured).
    /// </summary>
    public Registration? TryGet(Sender sender, string? managerChannel)
    {
        if (!_live || !_people.TryGetValue(sender.Key, out var entry) || Expired(entry.At) || entry.Seen != sender
            || !entry.Registration.Person.Reachable
            || !_workspaces.TryGetValue((sender.Key.Platform, sender.Key.WorkspaceId), out var workspace) || Expired(workspace.At)
            || (!string.IsNullOrWhiteSpace(managerChannel) && workspace.ManagerChannel != managerChannel))
        {
            return null;
        }

        return entry.Registration with { ProfileCreated = false };
    }

    /// <summary>
    /// Remembers what one registration read back, unless the cache was flushed since <paramref name="snapshot"/> or a
    /// change to one of its rows, made by another transaction than the one it read, was announced meanwhile.
    /// </summary>
    internal void Store(Snapshot snapshot, Sender seen, Registration registration, uint personVersion, uint? profileVersion, string? managerChannel, uint workspaceVersion)
    {
        var person = registration.Person;
        if (!_live || Interlocked.Read(ref _flushes) != snapshot.Flushes || ChangedSince(snapshot.Announcements, person, personVersion, profileVersion, workspaceVersion))
        {
            return;
        }

        if (_people.Count >= MaxPeople)
        {
            Flush();
            return;
        }

        var now = time.GetUtcNow();
        var workspaceKey = (person.Key.Platform, person.Key.WorkspaceId);
        _workspaceById[person.WorkspaceId] = workspaceKey;
        _workspaces[workspaceKey] = new WorkspaceEntry(person.WorkspaceId, managerChannel, workspaceVersion, now);
        _keyById[person.Id] = person.Key;
        _people[person.Key] = new PersonEntry(registration with { ProfileCreated = false }, seen, personVersion, profileVersion, now);
        // An announcement may have been handled between the check above and these writes: look once more.
        if (ChangedSince(snapshot.Announcements, person, personVersion, profileVersion, workspaceVersion))
        {
            _people.TryRemove(person.Key, out _);
        }
    }

    /// <summary>
    /// One announcement, "person:42:1234" (table, row id, writing transaction). A write this instance already read back
    /// (same transaction as the cached row's version) keeps the entry; anything else evicts it.
    /// </summary>
    public void OnChange(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length != 3 || parts[0] is not ("person" or "rep_profile" or "workspace") || !long.TryParse(parts[1], out var id) || !uint.TryParse(parts[2], out var xid))
        {
            Flush();
            return;
        }

        var seq = Interlocked.Increment(ref _announcements);
        _recent.Enqueue(new Announcement(seq, parts[0], id, xid));
        while (_recent.Count > RecentKept && _recent.TryDequeue(out _))
        {
        }

        if (parts[0] == "workspace")
        {
            if (_workspaceById.TryGetValue(id, out var workspaceKey) && _workspaces.TryGetValue(workspaceKey, out var workspace) && workspace.Version != xid)
            {
                _workspaces.TryRemove(new KeyValuePair<(ChatPlatform, string), WorkspaceEntry>(workspaceKey, workspace));
            }
        }
        else if (_keyById.TryGetValue(id, out var key) && _people.TryGetValue(key, out var entry)
            && (parts[0] == "person" ? entry.PersonVersion : entry.ProfileVersion) != xid)
        {
            _people.TryRemove(new KeyValuePair<PersonKey, PersonEntry>(key, entry));
        }
    }

    private bool ChangedSince(long seen, Person person, uint personVersion, uint? profileVersion, uint workspaceVersion)
    {
        if (Interlocked.Read(ref _announcements) == seen)
        {
            return false;
        }

        var oldestKept = long.MaxValue;
        foreach (var change in _recent)
        {
            oldestKept = Math.Min(oldestKept, change.Seq);
            if (change.Seq <= seen)
            {
                continue;
            }

            var stale = change.Table switch
            {
                "person" => change.Id == person.Id && change.Xid != personVersion,
                "rep_profile" => change.Id == person.Id && change.Xid != profileVersion,
                _ => change.Id == person.WorkspaceId && change.Xid != workspaceVersion,
            };
            if (stale)
            {
                return true;
            }
        }

        // More arrived meanwhile than are kept: cannot tell, so do not store.
        return oldestKept > seen + 1;
    }

    /// <summary>Starts trusting announcements (after LISTEN succeeded): what was cached before may have missed some.</summary>
    public void GoLive()
    {
        Flush();
        _live = true;
    }

    /// <summary>The announcements stopped (connection lost, shutting down): forget everything and serve nothing.</summary>
    public void GoDark()
    {
        _live = false;
        Flush();
    }

    public void Flush()
    {
        Interlocked.Increment(ref _flushes);
        _people.Clear();
        _keyById.Clear();
        _workspaces.Clear();
        _workspaceById.Clear();
    }

    private bool Expired(DateTimeOffset at) => time.GetUtcNow() - at > Lifetime;
}
