-- Check 6 also compares what a channel shows with the figure last published to it (docs/specification/reconciliation.md).
alter table reconciliation_break drop constraint reconciliation_break_check_type_check;
alter table reconciliation_break add constraint reconciliation_break_check_type_check check (check_type in (
    'BALANCE_VS_MOVES', 'NEGATIVE_BALANCE', 'VALUE_VS_ACCOUNT', 'RECEIPT_MOVE_MISSING', 'DISPOSITION_MOVE_MISSING',
    'OVERDUE_IN_RETURNS', 'REFUND_LEAKAGE', 'REFUNDS_PAYABLE_MISMATCH', 'COUNT_VARIANCE', 'PHANTOM_INVENTORY',
    'CHANNEL_ABOVE_PUBLISHED', 'SHIPPED_VS_SOLD', 'SHIPMENT_COGS_MISMATCH', 'TRANSFER_OVERDUE', 'RECEIVED_VS_ORDERED'));
