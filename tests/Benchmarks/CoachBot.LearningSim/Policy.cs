namespace CoachBot.LearningSim;

internal enum Policy
{
    /// <summary>Today's behaviour before the learner: always the declared style.</summary>
    FixedStyle,

    /// <summary>The product's StyleLearner: bounded Thompson trials, the declared style never changed.</summary>
    Learner,

    /// <summary>The learner, plus the brief's suggestion taken up at the next weekly brief (the manager asks, the rep agrees).</summary>
    LearnerWithBriefSuggestion,

    /// <summary>Reference: always the hidden best style. Regret is measured against it.</summary>
    Oracle,
}
