-- Reconciliation of order shipments (docs/specification/reconciliation.md, check 7): units shipped against units sold,
-- and each shipment's cost of goods sold against the value its moves took out of stock.
alter table reconciliation_break drop constraint reconciliation_break_check_type_check;
alter table reconciliation_break add constraint reconciliation_break_check_type_check check (check_type in (
    'BALANCE_VS_MOVES', 'NEGATIVE_BALANCE', 'VALUE_VS_ACCOUNT', 'RECEIPT_MOVE_MISSING', 'DISPOSITION_MOVE_MISSING',
    'OVERDUE_IN_RETURNS', 'REFUND_LEAKAGE', 'REFUNDS_PAYABLE_MISMATCH', 'COUNT_VARIANCE', 'PHANTOM_INVENTORY',
    'SHIPPED_VS_SOLD', 'SHIPMENT_COGS_MISMATCH'));

-- Shipment moves are found by their order reference and reason.
create index stock_move_sale_shipments on stock_move (reference_id, reference_line) where reason = 'SALE_SHIPMENT';
