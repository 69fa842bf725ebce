-- Every read of draw_target names its draw (the key's first column): a draw's selection, a result's
-- target, the earlier draws of a pool, the reports. Nothing reads it by USCC alone, and targets are
-- never deleted nor change their USCC (V13), so no foreign key needs the index either. Keeping it cost
-- a province's execute a third of the time its 26,000 selections take to write.
drop index draw_target_uscc_idx;
