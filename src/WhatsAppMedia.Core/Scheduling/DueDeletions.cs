namespace WhatsAppMedia.Core.Scheduling;

/// <summary>What a tenant has scheduled up to a time: the total and, for each UTC day with any, how many are due that day.</summary>
internal sealed record DueDeletions(int Total, IReadOnlyList<DueDay> Days);
