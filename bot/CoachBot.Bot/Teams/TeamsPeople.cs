using System.Collections.Concurrent;
using System.Text.Json;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Describes a Teams user to the core. Activities carry the AAD object id and name but no email, so the Connector's
/// member lookup (cached) adds it: a configured admin or an imported manager is recognised on first contact.
/// </summary>
internal sealed class TeamsPeople(ConnectorClient connector, TeamsPeople.Cache cache, TimeProvider time, ILogger<TeamsPeople> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RetryFailedAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(3);

    /// <summary>Profiles by (tenant, member id), shared by every request (the Connector client itself is per request).</summary>
    public sealed class Cache : ConcurrentDictionary<(string Tenant, string Member), (ConnectorMember? Profile, DateTimeOffset At)>
    {
    }

    public async Task<Sender> DescribeAsync(Activity activity, CancellationToken cancellationToken, ChannelAccount? who = null)
    {
        var sender = activity.Sender(who);
        var member = who ?? activity.From;
        if (member?.Id is not { Length: > 0 } memberId || member.Id == activity.Recipient?.Id)
        {
            return sender;
        }

        var profile = await LookupAsync(activity, memberId, cancellationToken);
        return profile is null ? sender : sender with
        {
            DisplayName = sender.DisplayName.Length > 0 ? sender.DisplayName : profile.DisplayName,
            Email = profile.Address,
        };
    }

    /// <summary>The AAD object id (CoachBot's key for a Teams person) of a member known by their 29: id, e.g. someone @mentioned.</summary>
    public async Task<string?> AadObjectIdAsync(Activity activity, ChannelAccount member, CancellationToken cancellationToken) =>
        member.AadObjectId is { Length: > 0 } aad ? aad
        : member.Id is { Length: > 0 } id ? (await LookupAsync(activity, id, cancellationToken))?.EntraObjectId
        : null;

    private async Task<ConnectorMember?> LookupAsync(Activity activity, string memberId, CancellationToken cancellationToken)
    {
        var tenant = activity.TenantId() ?? "";
        var now = time.GetUtcNow();
        if (cache.TryGetValue((tenant, memberId), out var cached) && now - cached.At < (cached.Profile is null ? RetryFailedAfter : CacheFor))
        {
            return cached.Profile;
        }

        ConnectorMember? profile = null;
        // Short: Teams waits about 15 s for the answer to the message this lookup is part of.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(LookupBudget);
        try
        {
            profile = await connector.GetMemberAsync(new ConnectorTarget(activity.ServiceUrl!, tenant, activity.Address().ConversationId), memberId, budget.Token);
        }
        catch (Exception ex) when (ex is ChatDeliveryException or HttpRequestException or JsonException or UntrustedServiceUrlException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A profile is not worth failing the person's message for: they are described from the activity alone.
            Log.MemberLookupFailed(logger, ex is ChatDeliveryException delivery ? delivery.Code : ex.GetType().Name);
        }

        cache[(tenant, memberId)] = (profile, now);
        return profile;
    }
}
