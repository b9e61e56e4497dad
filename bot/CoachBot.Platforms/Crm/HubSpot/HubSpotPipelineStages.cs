using System.Collections.Concurrent;
using CoachBot.Coaching.Crm;

namespace CoachBot.Platforms.Crm.HubSpot;

/// <summary>Deal stage ids → label and won/lost, from GET /crm/v3/pipelines/deals; read again after ten minutes so renamed stages show.</summary>
public sealed class HubSpotPipelineStages(HubSpotClient client, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<long, (DateTimeOffset At, IReadOnlyDictionary<string, Stage> Stages)> _byConnection = new();

    internal async Task<IReadOnlyDictionary<string, Stage>> ForAsync(CrmConnection connection, CancellationToken cancellationToken)
    {
        if (_byConnection.TryGetValue(connection.Id, out var known) && clock.GetUtcNow() - known.At < KeepFor)
        {
            return known.Stages;
        }

        var pipelines = await client.GetAsync<HubSpotPipelines>(connection, "crm/v3/pipelines/deals", cancellationToken);
        var stages = new Dictionary<string, Stage>();
        foreach (var stage in pipelines.Results.SelectMany(p => p.Stages))
        {
            var closed = Meta(stage, "isClosed") == "true";
            var won = closed && decimal.TryParse(Meta(stage, "probability"), System.Globalization.CultureInfo.InvariantCulture, out var p) && p >= 1m;
            stages[stage.Id] = new Stage(stage.Label, !closed ? CrmDealStatus.Open : won ? CrmDealStatus.Won : CrmDealStatus.Lost);
        }

        _byConnection[connection.Id] = (clock.GetUtcNow(), stages);
        return stages;
    }

    private static string? Meta(HubSpotStage stage, string key) => stage.Metadata is { } m && m.TryGetValue(key, out var v) ? v?.ToLowerInvariant() : null;

    internal sealed record Stage(string Label, CrmDealStatus Status);
}
