using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Crm.Pipeline;
using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Nudges.Deals;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Rendering;
using CoachBot.Coaching.Nudges.Selection;
using CoachBot.Coaching.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Nudges.Composing;

/// <summary>
/// Decides what a rep is sent and in which words. A delivery is composed once: its choice is stored in nudge_history
/// before sending, and a retried delivery re-renders that stored choice, so the rep sees the same words.
/// </summary>
public sealed partial class NudgeComposer(
    NudgeLibrary library,
    NudgeHistory history,
    NudgeRecipients recipients,
    GoalButtons goalButtons,
    PipelineReader pipelines,
    NudgeDealFacts dealFacts,
    IOptions<CoachingOptions> options,
    TimeProvider time,
    ILogger<NudgeComposer> logger) : INudgeSource
{
    /// <summary>
    /// Used while a rep's style is unknown (before the quiz). Amiable is the safest guess: warm, low pressure and giving a
    /// reason, it is rarely off-putting to any style, whereas a Driver's bluntness or an Expressive's hype can jar.
    /// </summary>
    public const CommunicationStyle DefaultStyle = CommunicationStyle.Amiable;

    private const int HistoryDepth = 200;

    public async Task<CoachMessage> ComposeNudgeAsync(long repPersonId, Guid deliveryId, DateTimeOffset slotAt, CancellationToken cancellationToken)
    {
        var rep = await recipients.GetAsync(repPersonId, cancellationToken);
        var record = await history.FindAsync(deliveryId, cancellationToken) ?? await ChooseAsync(rep, deliveryId, slotAt, cancellationToken);

        // Only when the recorded intent was retired from the library between two attempts do the words change.
        var intent = library.Find(record.IntentId) ?? (await SelectAsync(rep, deliveryId, slotAt, cancellationToken)).Intent;
        var deal = intent.Needs is { } needs ? await dealFacts.FindAsync(deliveryId, needs, cancellationToken) : null;
        if (intent.Needs is not null && deal is null)
        {
            // The deal's facts were lost between choosing and sending (a crash): send a generic nudge rather than guess.
            intent = (await SelectAsync(rep, deliveryId, slotAt, cancellationToken)).Intent;
        }

        var rendered = NudgeRenderer.Render(intent, record.Style, ValuesFor(rep, slotAt) with { Deal = deal });
        var message = NudgeMessage.Build(deliveryId, intent, record.Style, rendered.Text);
        // A rep with goals logs progress from the nudge itself, in one tap.
        var log = await goalButtons.ForAsync(repPersonId, cancellationToken);
        return log.Count == 0 ? message : message with { Blocks = [.. message.Blocks, .. log] };
    }

    public async Task<CoachMessage> ComposeFollowUpAsync(long repPersonId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var record = await history.FindAsync(deliveryId, cancellationToken)
            ?? throw new InvalidOperationException($"Delivery {deliveryId} has no composed nudge to follow up.");
        var rep = await recipients.GetAsync(repPersonId, cancellationToken);
        var values = ValuesFor(rep, record.SentAt);
        if (library.Find(record.IntentId) is not { } intent)
        {
            // The intent was removed from the library since sending; keep the follow-up generic rather than fail the job.
            return NudgeMessage.BuildFollowUp(deliveryId, record.Skill, "Checking in on today's nudge. Tap Done or Need help, or rate how confident you feel.");
        }

        return NudgeMessage.BuildFollowUp(deliveryId, intent.Skill, NudgeRenderer.RenderFollowUp(library, intent, record.Style, values));
    }

    private async Task<NudgeRecord> ChooseAsync(NudgeRecipient rep, Guid deliveryId, DateTimeOffset slotAt, CancellationToken cancellationToken)
    {
        var past = await PastAsync(rep, deliveryId, cancellationToken);
        var facts = DealFacts.From(await pipelines.ForRepAsync(rep.Person.Id, cancellationToken));
        var selection = Select(rep, past, deliveryId, slotAt, facts);
        var decision = StyleLearner.Decide(
            rep.Style, rep.StyleSource, StyleEvidence.From(past, time.GetUtcNow()),
            past.Select(p => p.Reason ?? StyleReason.Declared).ToList(), NudgeSeed.From(deliveryId), DefaultStyle);
        var chosen = new NudgeRecord(
            rep.Person.Id, deliveryId, selection.Intent.Id, library.Version, decision.Style, rep.Style is null, selection.Intent.Skill,
            time.GetUtcNow(), Reason: decision.Reason);

        if (facts.FirstOrDefault(f => f.Signal == selection.Intent.Needs) is { } fact)
        {
            // Before the history row: a retry that finds the row finds its deal too.
            await dealFacts.RecordAsync(rep.Person.Id, deliveryId, fact, time.GetUtcNow(), cancellationToken);
        }

        // Two instances racing on one delivery both get the first stored record back, so both send the same words.
        return await history.RecordSentAsync(chosen, cancellationToken);
    }

    private async Task<NudgeSelection> SelectAsync(NudgeRecipient rep, Guid deliveryId, DateTimeOffset slotAt, CancellationToken cancellationToken) =>
        Select(rep, await PastAsync(rep, deliveryId, cancellationToken), deliveryId, slotAt, []);

    private async Task<IReadOnlyList<NudgeRecord>> PastAsync(NudgeRecipient rep, Guid deliveryId, CancellationToken cancellationToken) =>
        (await history.RecentAsync(rep.Person.Id, HistoryDepth, cancellationToken)).Where(p => p.DeliveryId != deliveryId).ToList();

    private NudgeSelection Select(NudgeRecipient rep, IReadOnlyList<NudgeRecord> past, Guid deliveryId, DateTimeOffset slotAt, IReadOnlyList<DealFact> facts)
    {
        var selection = new NudgeSelector(library, options.Value.RepeatWindow).Select(new NudgeSelectionRequest(
            rep.FocusSkills,
            rep.Race,
            rep.Level,
            past.Select(p => new PastNudge(p.IntentId, p.Skill, p.SentAt)).ToList(),
            slotAt,
            NudgeSeed.From(deliveryId)) { DealSignals = facts.Select(f => f.Signal).ToHashSet() });
        LogSelected(logger, deliveryId, selection.Intent.Id, selection.Fit);
        return selection;
    }

    private static NudgeValues ValuesFor(NudgeRecipient rep, DateTimeOffset at) =>
        new(rep.Person.FirstName.Raw, rep.Goal, TimeZoneInfo.ConvertTime(at, LocalZone(rep.Person.TimeZone)).DayOfWeek);

    private static TimeZoneInfo LocalZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: selected nudge {IntentId} ({Fit})")]
    private static partial void LogSelected(ILogger logger, Guid deliveryId, string intentId, NudgeFit fit);
}
