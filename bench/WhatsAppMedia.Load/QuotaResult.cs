namespace WhatsAppMedia.Load;

/// <summary>What a <see cref="QuotaRun"/> measured.</summary>
/// <param name="Elapsed">From the first bulk POST to the last item deleted (or ended in <c>-failed</c>/<c>-poison</c>).</param>
/// <param name="Admitted">Provider requests the account's quota let through.</param>
/// <param name="Refused">Provider requests refused as throttled.</param>
/// <param name="Deleted">Items the sandbox no longer holds.</param>
/// <param name="Failed">Items in <c>{queue}-failed</c> or <c>{queue}-poison</c>.</param>
/// <param name="Finished">False when an unpaced job was cut off at its guard with items still queued.</param>
/// <param name="Breakdown">Outgoing requests by kind over the run (only for runs that ask for it).</param>
/// <param name="Reschedules">Paced messages queued again on a new slot, by reason (<see cref="PacingProbe"/>).</param>
/// <param name="Lateness">How late paced messages arrived for their slots.</param>
internal sealed record QuotaResult(QuotaRun Run, TimeSpan Elapsed, long Admitted, long Refused, int Deleted, int Failed, bool Finished, string? Breakdown, string Reschedules, string Lateness)
{
    /// <summary>Ideal ÷ elapsed: 1 when the job ran exactly at the account's rate (an upper bound when not finished).</summary>
    public double Ratio => Run.Ideal / Elapsed;

    public double RefusedShare => Admitted + Refused == 0 ? 0 : (double)Refused / (Admitted + Refused);
}
