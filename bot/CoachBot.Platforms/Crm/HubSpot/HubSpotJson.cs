using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Platforms.Crm.HubSpot;

// The CRM v3 shapes CoachBot reads: object pages (list and search), owners, pipelines, v4 association reads, errors.
internal sealed record HubSpotPage(List<HubSpotObject> Results, HubSpotPaging? Paging);

internal sealed record HubSpotPaging(HubSpotNext? Next);

internal sealed record HubSpotNext(string After);

internal sealed record HubSpotObject(string Id, Dictionary<string, string?> Properties, Dictionary<string, HubSpotAssociations>? Associations)
{
    public string? this[string property] => Properties.TryGetValue(property, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}

internal sealed record HubSpotAssociations(List<HubSpotAssociated> Results);

internal sealed record HubSpotAssociated(string Id);

internal sealed record HubSpotOwnerPage(List<HubSpotOwner> Results, HubSpotPaging? Paging);

internal sealed record HubSpotOwner(string Id, string? Email, string? FirstName, string? LastName);

internal sealed record HubSpotPipelines(List<HubSpotPipeline> Results);

internal sealed record HubSpotPipeline(string Id, string Label, List<HubSpotStage> Stages);

internal sealed record HubSpotStage(string Id, string Label, Dictionary<string, string?>? Metadata);

internal sealed record HubSpotAssociationBatch(List<HubSpotAssociationResult> Results);

internal sealed record HubSpotAssociationResult(HubSpotAssociationFrom From, List<HubSpotAssociationTo> To);

internal sealed record HubSpotAssociationFrom(string Id);

internal sealed record HubSpotAssociationTo(long ToObjectId);

internal sealed record HubSpotErrorBody(string? Message, string? Category, string? PolicyName, List<HubSpotErrorDetail>? Errors);

internal sealed record HubSpotErrorDetail(string? Message, Dictionary<string, List<string>>? Context);

internal static class HubSpotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
